// The grammar on whole real maps, beyond the assertion fixtures (tests/*.journey):
// every example map highlights without an invalid token, a byte-order mark is ignored on
// the first line, and every keyword that docs/language.md lists is a keyword here.
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const here = path.join(__dirname, '..');
const repo = path.join(here, '..', '..');

async function grammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async () => {
      const file = path.join(here, 'syntaxes', 'journey.tmLanguage.json');
      return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
  });
  return registry.loadGrammar('source.journey');
}

/** Each line's tokens as [text, scopes]. */
function tokenize(g, text) {
  let stack = vsctm.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const r = g.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes]);
  });
}

const loaded = grammar();

test('every example map highlights without an invalid token', async () => {
  const g = await loaded;
  const dirs = [
    path.join(repo, 'examples'),
    path.join(repo, '..', 'shared', 'examples'),
    path.join(repo, '..', 'shared', 'examples-v1'),
  ].filter((d) => fs.existsSync(d));
  const maps = dirs.flatMap((d) =>
    fs.readdirSync(d).filter((f) => f.endsWith('.journey')).map((f) => path.join(d, f)),
  );
  assert.ok(maps.length >= 5, `found ${maps.length} example maps`);
  const invalid = [];
  for (const map of maps) {
    tokenize(g, fs.readFileSync(map, 'utf8')).forEach((tokens, i) => {
      for (const [text, scopes] of tokens) {
        if (scopes.some((s) => s.startsWith('invalid'))) invalid.push(`${map}:${i + 1}: ${text}`);
      }
    });
  }
  assert.deepStrictEqual(invalid, []);
});

test('a byte-order mark is ignored on the first line only', async () => {
  const g = await loaded;
  const [first, second] = tokenize(g, '\ufeffjourney: T\n\ufeffgoal: G');
  const keyword = first.find(([text]) => text === 'journey');
  assert.ok(keyword && keyword[1].includes('keyword.other.header.journey'), JSON.stringify(first));
  assert.ok(second[0][1].includes('invalid.illegal.unknown-keyword.journey'), JSON.stringify(second));
});

test('every keyword docs/language.md lists is a keyword at the start of a line', async () => {
  const g = await loaded;
  const doc = fs.readFileSync(path.join(repo, 'docs', 'language.md'), 'utf8');
  const list = /Keywords are lower-case and fixed:([^.]*)\./.exec(doc);
  assert.ok(list, 'docs/language.md lists the keywords');
  const keywords = [...list[1].matchAll(/`([a-z]+)`/g)].map((m) => m[1]);
  assert.ok(keywords.length >= 20, keywords.join(' '));
  for (const keyword of keywords) {
    const [tokens] = tokenize(g, `  ${keyword}: text`);
    const token = tokens.find(([text]) => text === keyword);
    assert.ok(
      token && token[1].some((s) => /^(keyword|storage\.type)\./.test(s)),
      `${keyword}: ${JSON.stringify(tokens)}`,
    );
  }
});
