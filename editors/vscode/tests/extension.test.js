// The extension's own logic, outside VS Code: `vscode` and `vscode-languageclient/node`
// are replaced by small fakes, and `journeymap` by a shell script that prints a URL on
// stderr as `journeymap preview` does. Run with `node --test` (npm test).
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const Module = require('module');

const settings = {};
const calls = { errors: [], executed: [], external: [], clients: [] };

class Uri {
  constructor(scheme, fsPath, text) {
    this.scheme = scheme;
    this.fsPath = fsPath;
    this.text = text;
  }
  static parse(text) {
    return new Uri(text.split(':')[0], '', text);
  }
  static file(p) {
    return new Uri('file', p, `file://${p}`);
  }
  toString() {
    return this.text;
  }
}

const handlers = {};
const fakeVscode = {
  Uri,
  workspace: {
    getConfiguration: () => ({ get: (key) => settings[key] }),
    textDocuments: [],
    onDidChangeConfiguration: () => ({ dispose() {} }),
    createFileSystemWatcher: (glob) => ({ glob, dispose() {} }),
  },
  window: {
    activeTextEditor: undefined,
    createOutputChannel: () => ({ append() {}, appendLine() {}, show() {}, dispose() {} }),
    showErrorMessage: async (message) => {
      calls.errors.push(message);
      return undefined;
    },
  },
  commands: {
    registerCommand: (id, fn) => {
      handlers[id] = fn;
      return { dispose() {} };
    },
    executeCommand: async (id, ...args) => {
      calls.executed.push([id, ...args]);
    },
  },
  env: {
    asExternalUri: async (uri) => uri,
    openExternal: async (uri) => {
      calls.external.push(uri.toString());
      return true;
    },
  },
};

class FakeLanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    Object.assign(this, { id, name, serverOptions, clientOptions, stopped: false });
    calls.clients.push(this);
  }
  async start() {}
  async stop() {
    this.stopped = true;
  }
}
const fakeClientLib = { LanguageClient: FakeLanguageClient, TransportKind: { stdio: 0 } };

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'vscode' || request === 'vscode-languageclient/node') return request;
  return resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: fakeVscode };
require.cache['vscode-languageclient/node'] = {
  id: 'vscode-languageclient/node',
  filename: 'vscode-languageclient/node',
  loaded: true,
  exports: fakeClientLib,
};

const extension = require('../src/extension.js');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journeymap-vscode-'));
const argsFile = path.join(dir, 'args');
const pidFile = path.join(dir, 'pid');
const fake = path.join(dir, 'journeymap');
fs.writeFileSync(
  fake,
  `#!/bin/sh\necho "$@" > '${argsFile}'\necho $$ > '${pidFile}'\necho "previewing map.journey at http://127.0.0.1:4321/. Ctrl-C stops it." >&2\nexec sleep 30\n`,
  { mode: 0o755 },
);
const map = path.join(dir, 'map.journey');
fs.writeFileSync(map, 'journey: T\nphase: P\n  step: S\n    emotion 1\n');

const until = async (what, ok) => {
  for (let i = 0; i < 200; i++) {
    if (ok()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  assert.fail(`timed out waiting for ${what}`);
};

test('activation starts `journeymap lsp` from journeymap.path for journey documents', async () => {
  settings.path = fake;
  await extension.activate({ subscriptions: [] });
  const client = calls.clients.at(-1);
  assert.strictEqual(client.id, 'journeymap'); // so the library reads journeymap.trace.server
  assert.strictEqual(client.serverOptions.run.command, fake);
  assert.deepStrictEqual(client.serverOptions.run.args, ['lsp']);
  assert.deepStrictEqual(
    client.clientOptions.documentSelector.map((s) => s.language),
    ['journey', 'journey'],
  );
});

test('preview runs `journeymap preview FILE` and opens the URL it prints in the Simple Browser', async () => {
  settings['preview.view'] = 'default';
  await handlers['journeymap.preview'](Uri.file(map));
  await until('the Simple Browser', () => calls.executed.some((c) => c[0] === 'simpleBrowser.show'));
  assert.deepStrictEqual(calls.executed.at(-1), ['simpleBrowser.show', 'http://127.0.0.1:4321/']);
  assert.strictEqual(fs.readFileSync(argsFile, 'utf8').trim(), `preview ${map}`);

  // Asked again, the running preview is reused: no second process.
  fs.rmSync(argsFile);
  await handlers['journeymap.preview'](Uri.file(map));
  assert.strictEqual(calls.executed.filter((c) => c[0] === 'simpleBrowser.show').length, 2);
  assert.ok(!fs.existsSync(argsFile));
  handlers['journeymap.stopPreviews']();
});

test('preview.view and preview.browser: --view blueprint, opened in the system browser', async () => {
  settings['preview.view'] = 'blueprint';
  settings['preview.browser'] = 'external';
  await handlers['journeymap.preview'](Uri.file(map));
  await until('openExternal', () => calls.external.length === 1);
  assert.strictEqual(calls.external[0], 'http://127.0.0.1:4321/');
  assert.strictEqual(fs.readFileSync(argsFile, 'utf8').trim(), `preview ${map} --view blueprint`);
});

test('deactivate stops the preview processes and the language server', async () => {
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (_) {
      return false;
    }
  };
  assert.ok(alive(), 'the fake preview is running');
  await extension.deactivate();
  assert.ok(calls.clients.at(-1).stopped);
  await until('the preview to stop', () => !alive());
});

test('a file that is not a saved .journey map is refused', async () => {
  await handlers['journeymap.preview'](Uri.parse('untitled:Untitled-1'));
  assert.match(calls.errors.at(-1), /open a saved \*\.journey file/);
});

test.after(() => fs.rmSync(dir, { recursive: true, force: true }));
