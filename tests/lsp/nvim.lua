-- A real client for `journeymap lsp`: Neovim, headless. tests/suite/lsp.rs runs
--   nvim --headless --clean -u tests/lsp/nvim.lua
-- with JOURNEYMAP_BIN (the binary), JOURNEYMAP_MAP (a map with an error) and
-- JOURNEYMAP_OUT (where to write what Neovim saw, as JSON). Works with Neovim 0.7
-- (Debian 12: `vim.lsp.start_client`) and later (`vim.lsp.start`).
local bin = os.getenv("JOURNEYMAP_BIN")
local map = os.getenv("JOURNEYMAP_MAP")
local out = os.getenv("JOURNEYMAP_OUT")
local results = { steps = {} }

local function step(name)
  table.insert(results.steps, name)
end

vim.cmd("autocmd BufRead,BufNewFile *.journey setfiletype journey")
vim.api.nvim_create_autocmd("FileType", {
  pattern = "journey",
  callback = function(args)
    local config = { name = "journeymap", cmd = { bin, "lsp" }, root_dir = vim.fn.fnamemodify(map, ":p:h") }
    if vim.lsp.start then
      vim.lsp.start(config)
    else
      local id = vim.lsp.start_client(config)
      vim.lsp.buf_attach_client(args.buf, id)
    end
  end,
})

local function request(method, params)
  local responses = vim.lsp.buf_request_sync(0, method, params, 10000) or {}
  for _, response in pairs(responses) do
    return response
  end
  return {}
end

local function position(line, character)
  return { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = line, character = character } }
end

local function run()
  vim.cmd("edit " .. vim.fn.fnameescape(map))
  step("opened")
  vim.wait(10000, function()
    return #vim.diagnostic.get(0) > 0
  end, 20)
  results.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(results.diagnostics, { lnum = d.lnum, col = d.col, message = d.message, code = d.code or lsp.code })
  end
  step("diagnostics")

  -- Line 4 is `  emotion ana -1: Træt`: after `emotion ` come persona ids.
  local completion = request("textDocument/completion", position(4, 10)).result or {}
  results.completion = {}
  for _, item in ipairs(completion.items or completion) do
    table.insert(results.completion, item.label)
  end
  step("completion")

  -- Rename `anna` (line 1, `persona anna: Anna`) to `ann`, applied to the buffer.
  local params = position(1, 9)
  params.newName = "ann"
  local renamed = request("textDocument/rename", params)
  if renamed.result then
    vim.lsp.util.apply_workspace_edit(renamed.result, "utf-16")
  end
  results.lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  params.newName = "critical"
  local refused = request("textDocument/rename", params)
  results.refused = refused.error and refused.error.message or vim.inspect(refused)
  step("rename")
end

local ok, err = pcall(run)
if not ok then
  results.error = tostring(err)
end
vim.fn.writefile({ vim.fn.json_encode(results) }, out)
vim.cmd("qall!")
