" Vim syntax file for journeymap maps (*.journey), versions 0 and 1 of the language.
" Every line is `keyword [words…] [: text]`; a comment is a line whose first non-blank
" character is '#'; '#' anywhere else is text. Indentation means nothing.
if exists('b:current_syntax')
  finish
endif

" Words: numbers (-2, +1, 4.5, 12%), ranges (1..5), flag words, ids, and anything else,
" which is an error (J0102).
syntax match journeyError /\S\+/ contained
syntax match journeyId /\<[A-Za-z_][A-Za-z0-9_-]*\%(\s\|:\|$\)\@=/ contained
syntax match journeyNumber /\%(^\|\s\)\@<=[+-]\=\d\+\%(\.\d\+\)\=%\=\%(\s\|:\|$\)\@=/ contained
syntax match journeyNumber /\%(^\|\s\)\@<=[+-]\=\d\+\.\.[+-]\=\d\+\%(\s\|:\|$\)\@=/ contained
syntax match journeyFlag /\%(^\|\s\)\@<=\%(critical\|online\|offline\|external\|functional\|emotional\|target\|interview\|survey\|observation\|analytics\|workshop\|document\|current\|future\|journey\|blueprint\|opportunities\|min\|max\|met\|unmet\|partly\|impact\|effort\)\%(\s\|:\|$\)\@=/ contained
syntax match journeyLane /\%(^\|\s\)\@<=\%(actions\|touchpoints\|thoughts\|quotes\|emotions\|pains\|delights\|needs\|opportunities\|kpis\|notes\|evidence\|frontstage\|backstage\|support\|en\|da\|sv\|nb\|de\)\%(\s\|:\|$\)\@=/ contained

" The first ':' ends the words: the rest of the line is free text.
syntax match journeyText /:.*$/ contained contains=journeyColon
syntax match journeyColon /:/ contained

syntax cluster journeyWords contains=journeyError,journeyId,journeyNumber,journeyFlag,journeyText

" A statement: its keyword, at the start of a line, then its words.
syntax match journeyStatement /^\s*\%(journey\|goal\|scope\|note\|lang\|scale\|view\|state\|lanes\|phase\|step\|touchpoint\|emotion\|thought\|quote\|need\|pain\|delight\|opportunity\|kpi\|evidence\|frontstage\|backstage\|support\)\%(\s\|:\|$\)\@=.*$/ contains=journeyKeyword,@journeyWords
syntax match journeyDeclaration /^\s*\%(persona\|channel\|owner\|source\)\%(\s\|:\|$\)\@=.*$/ contains=journeyDeclare,journeyDeclared,@journeyWords
syntax match journeyLanes /^\s*\%(lanes\|lang\)\%(\s\|:\|$\)\@=.*$/ contains=journeyKeyword,journeyLane,@journeyWords
syntax match journeyKeyword /^\s*\zs\l\+/ contained
syntax match journeyDeclare /^\s*\zs\l\+/ contained
syntax match journeyDeclared /\%(^\s*\l\+\s\+\)\@<=[A-Za-z_][A-Za-z0-9_-]*\%(\s\|:\|$\)\@=/ contained

" A comment is a whole line.
syntax match journeyComment /^\s*#.*$/ contains=@Spell

highlight default link journeyComment Comment
highlight default link journeyKeyword Statement
highlight default link journeyDeclare Type
highlight default link journeyDeclared Identifier
highlight default link journeyFlag Constant
highlight default link journeyLane Constant
highlight default link journeyNumber Number
highlight default link journeyText String
highlight default link journeyColon Delimiter
highlight default link journeyError Error

let b:current_syntax = 'journey'
