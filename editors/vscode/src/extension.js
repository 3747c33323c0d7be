// The journeymap extension: starts `journeymap lsp` for *.journey files and runs
// `journeymap preview` for the command "journeymap: Open preview".
// Plain JavaScript, so `vsce package` needs no build step.
'use strict';

const vscode = require('vscode');
const path = require('path');
const os = require('os');
const { spawn } = require('child_process');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;
/** @type {vscode.OutputChannel | undefined} */
let previewLog;
/** @type {vscode.FileSystemWatcher | undefined} */
let configWatcher;
/** One running `journeymap preview` per map: file path -> { child, url } */
const previews = new Map();

/** The executable from `journeymap.path`, with a leading `~` expanded. */
function executable() {
  const configured = vscode.workspace.getConfiguration('journeymap').get('path') || 'journeymap';
  const trimmed = configured.trim();
  if (trimmed === '~' || trimmed.startsWith('~/') || trimmed.startsWith('~\\')) {
    return path.join(os.homedir(), trimmed.slice(1));
  }
  return trimmed;
}

async function startClient(context) {
  const command = executable();
  const serverOptions = {
    run: { command, args: ['lsp'], transport: TransportKind.stdio },
    debug: { command, args: ['lsp'], transport: TransportKind.stdio },
  };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'journey' },
      { scheme: 'untitled', language: 'journey' },
    ],
    // journeymap.yaml sets lint levels, so a change to it changes the diagnostics.
    synchronize: { fileEvents: configWatcher },
  };
  // The client id `journeymap` makes the library read `journeymap.trace.server`.
  client = new LanguageClient('journeymap', 'journeymap Language Server', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    const choice = await vscode.window.showErrorMessage(
      `journeymap: could not start \`${command} lsp\` (${err && err.message ? err.message : err}). ` +
        'Install journeymap, or set `journeymap.path` to the executable.',
      'Open settings',
    );
    if (choice === 'Open settings') {
      vscode.commands.executeCommand('workbench.action.openSettings', 'journeymap.path');
    }
  }
}

async function stopClient() {
  if (!client) return;
  const c = client;
  client = undefined;
  try {
    await c.stop();
  } catch (_) {
    // A server that never started cannot be stopped; nothing to do.
  }
}

/** Opens the preview's URL beside the editor (Simple Browser) or in the system browser. */
async function openUrl(url) {
  const where = vscode.workspace.getConfiguration('journeymap').get('preview.browser');
  // In a remote window (SSH, WSL, containers) this forwards the port to the local machine.
  const external = await vscode.env.asExternalUri(vscode.Uri.parse(url));
  if (where !== 'external') {
    try {
      await vscode.commands.executeCommand('simpleBrowser.show', external.toString(true));
      return;
    } catch (_) {
      // No Simple Browser (it is a built-in extension that can be disabled): fall through.
    }
  }
  await vscode.env.openExternal(external);
}

function stopPreview(file) {
  const running = previews.get(file);
  if (!running) return;
  previews.delete(file);
  if (running.child.exitCode === null && running.child.signalCode === null) {
    running.child.kill();
  }
}

function stopAllPreviews() {
  for (const file of [...previews.keys()]) stopPreview(file);
}

async function preview(uri) {
  const target =
    uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor && vscode.window.activeTextEditor.document.uri;
  if (!target || target.scheme !== 'file' || !target.fsPath.endsWith('.journey')) {
    vscode.window.showErrorMessage('journeymap: open a saved *.journey file to preview it.');
    return;
  }
  const file = target.fsPath;
  // The preview draws the file on disk and redraws it on every save.
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
  if (doc && doc.isDirty) await doc.save();

  const running = previews.get(file);
  if (running && running.url) {
    await openUrl(running.url);
    return;
  }
  if (running) return; // still starting: it opens its URL when it prints it

  const args = ['preview', file];
  const view = vscode.workspace.getConfiguration('journeymap').get('preview.view');
  if (['journey', 'blueprint', 'opportunities'].includes(view)) args.push('--view', view);

  const command = executable();
  previewLog.appendLine(`$ ${command} ${args.join(' ')}`);
  const child = spawn(command, args, { cwd: path.dirname(file), stdio: ['ignore', 'pipe', 'pipe'] });
  const entry = { child, url: undefined };
  previews.set(file, entry);

  let stderr = '';
  const onOutput = (chunk) => {
    const text = chunk.toString();
    previewLog.append(text);
    if (entry.url) return;
    stderr += text;
    const match = /http:\/\/127\.0\.0\.1:\d+\/[^\s"'<>()]*/.exec(stderr);
    if (match) {
      entry.url = match[0].replace(/[.,;:!?]+$/, '');
      openUrl(entry.url).catch((err) => vscode.window.showErrorMessage(`journeymap: ${err.message || err}`));
    }
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  child.on('error', (err) => {
    previews.delete(file);
    vscode.window.showErrorMessage(
      `journeymap: could not run \`${command} preview\` (${err.message}). Set \`journeymap.path\` to the executable.`,
    );
  });
  child.on('exit', (code, signal) => {
    previewLog.appendLine(`journeymap preview stopped (${signal || `exit ${code}`})`);
    if (previews.get(file) === entry) previews.delete(file);
    if (!entry.url && code !== 0 && signal === null) {
      vscode.window
        .showErrorMessage(`journeymap preview exited with code ${code}.`, 'Show output')
        .then((choice) => choice && previewLog.show(true));
    }
  });
}

async function activate(context) {
  previewLog = vscode.window.createOutputChannel('journeymap Preview');
  configWatcher = vscode.workspace.createFileSystemWatcher('**/journeymap.{yaml,yml}');
  context.subscriptions.push(
    previewLog,
    configWatcher,
    vscode.commands.registerCommand('journeymap.preview', preview),
    vscode.commands.registerCommand('journeymap.stopPreviews', stopAllPreviews),
    vscode.commands.registerCommand('journeymap.restartServer', async () => {
      await stopClient();
      await startClient(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('journeymap.path')) {
        await stopClient();
        await startClient(context);
      }
    }),
    // Runs when the window closes or the extension is disabled.
    { dispose: stopAllPreviews },
  );
  await startClient(context);
}

async function deactivate() {
  stopAllPreviews();
  await stopClient();
}

module.exports = { activate, deactivate };
