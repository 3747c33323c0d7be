" journeymap maps: *.journey
autocmd BufRead,BufNewFile *.journey setfiletype journey
