-- copydesk for Neovim: starts `copydesk --stdio` for Markdown and plain text.
--
--   require("copydesk").setup({
--     settings = { copydesk = { style = "uk", rules = { ["title-case"] = "off" } } },
--   })
--
-- Neovim 0.11+ goes through vim.lsp.config/vim.lsp.enable; 0.8-0.10 through
-- vim.lsp.start in a FileType autocmd. Settings reach the server the way
-- nvim-lspconfig users expect: as `settings`, answered to workspace/configuration.

local M = {}

local INSTALL = "pip install copydesk-*.whl (the wheel), or cargo install --locked --path . in a copydesk checkout"

M.defaults = {
  cmd = { "copydesk", "--stdio" },
  filetypes = { "markdown", "text" },
  root_markers = { ".copydesk.toml", ".git" },
  settings = { copydesk = {} },
}

local group = vim.api.nvim_create_augroup("copydesk", { clear = true })

--- The server's settings, also sent as initializationOptions so the first
--- check already uses them.
local function client_config(opts)
  local config = vim.deepcopy(opts)
  config.name = "copydesk"
  config.root_markers = nil
  -- An empty Lua table would travel as a JSON array; the server wants an object.
  if next(config.settings.copydesk or {}) == nil then
    config.settings.copydesk = vim.empty_dict()
  end
  config.init_options = config.init_options or config.settings.copydesk
  return config
end

local function find_root(markers, bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= "" and vim.fs.dirname(name) or vim.fn.getcwd()
  local found = vim.fs.find(markers, { path = dir, upward = true })[1]
  return found and vim.fs.dirname(found) or dir
end

local function start_legacy(opts)
  local config = client_config(opts)
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = opts.filetypes,
    callback = function(args)
      if vim.bo[args.buf].buftype ~= "" then
        return
      end
      local buf_config = vim.deepcopy(config)
      buf_config.root_dir = find_root(opts.root_markers, args.buf)
      vim.lsp.start(buf_config, { bufnr = args.buf })
    end,
  })
end

local function start_native(opts)
  local config = client_config(opts)
  config.root_markers = opts.root_markers
  vim.lsp.config("copydesk", config)
  vim.lsp.enable("copydesk")
end

local function clients()
  local get = vim.lsp.get_clients or vim.lsp.get_active_clients
  return get({ name = "copydesk" })
end

local function stop(client, force)
  if vim.fn.has("nvim-0.11") == 1 then
    client:stop(force)
  else
    client.stop(force)
  end
end

--- Stops the copydesk clients (a server that does not go within 3 s is
--- killed) and attaches their buffers to a new one (the FileType autocmd starts it).
local function restart()
  local buffers = {}
  for _, client in ipairs(clients()) do
    for bufnr in pairs(client.attached_buffers) do
      buffers[#buffers + 1] = bufnr
    end
    stop(client)
  end
  local gone = vim.wait(3000, function()
    return #clients() == 0
  end, 50)
  if not gone then
    for _, client in ipairs(clients()) do
      stop(client, true)
    end
  end
  for _, bufnr in ipairs(buffers) do
    if vim.api.nvim_buf_is_valid(bufnr) then
      vim.api.nvim_exec_autocmds("FileType", { buffer = bufnr, modeline = false })
    end
  end
end

--- Sets up copydesk. `opts` overrides M.defaults; `cmd`, `filetypes`,
--- `root_markers`, `settings` and any other vim.lsp client option are accepted.
function M.setup(opts)
  opts = vim.tbl_deep_extend("force", vim.deepcopy(M.defaults), opts or {})
  if vim.fn.has("nvim-0.8") == 0 then
    vim.notify("copydesk: needs Neovim 0.8 or newer", vim.log.levels.ERROR)
    return
  end
  if vim.fn.executable(opts.cmd[1]) == 0 then
    vim.notify(
      ("copydesk: the language server %q was not found. Install it with %s, or pass its path as cmd to require('copydesk').setup()."):format(
        opts.cmd[1],
        INSTALL
      ),
      vim.log.levels.WARN
    )
    return
  end
  vim.api.nvim_clear_autocmds({ group = group })
  if vim.lsp.config and vim.lsp.enable then
    start_native(opts)
  else
    start_legacy(opts)
  end
  -- Neovim's own VimLeavePre handler (registered when vim.lsp loaded, so
  -- before this one) sends `shutdown` and would quit at once; waiting the few
  -- milliseconds for the reply lets Neovim send `exit`, and the server go cleanly.
  vim.api.nvim_create_autocmd("VimLeavePre", {
    group = group,
    callback = function()
      vim.wait(500, function()
        return #clients() == 0
      end, 5)
    end,
  })
  vim.api.nvim_create_user_command("CopydeskRestart", restart, { desc = "Restart the copydesk language server" })
  vim.api.nvim_create_user_command("CopydeskActors", function()
    vim.lsp.buf.document_symbol()
  end, { desc = "List the people and organisations in this article" })
end

return M
