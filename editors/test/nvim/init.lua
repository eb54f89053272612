-- The Neovim suite: the copydesk plugin in a real Neovim, driven from Lua.
--
--   nvim --headless --clean -u editors/test/nvim/init.lua
--
-- editors/test.sh sets the environment: COPYDESK_TEST_ROOT (the repository),
-- COPYDESK_TEST_WORK (a scratch copy of the fixtures), COPYDESK_TEST_CMD (the
-- server to run) and, to take the Neovim 0.8-0.10 path, COPYDESK_TEST_LEGACY=1.

local root = assert(os.getenv("COPYDESK_TEST_ROOT"), "COPYDESK_TEST_ROOT is not set")
local work = assert(os.getenv("COPYDESK_TEST_WORK"), "COPYDESK_TEST_WORK is not set")
local cmd = assert(os.getenv("COPYDESK_TEST_CMD"), "COPYDESK_TEST_CMD is not set")
local legacy = os.getenv("COPYDESK_TEST_LEGACY") == "1"

local WAIT_MS = 20000

vim.opt.runtimepath:prepend(root .. "/editors/nvim")
vim.lsp.set_log_level("debug")
vim.o.swapfile = false
vim.o.shortmess = vim.o.shortmess .. "F"

local function read_json(path)
  local file = assert(io.open(path, "r"))
  local text = file:read("*a")
  file:close()
  return vim.json.decode(text)
end

local expect = read_json(root .. "/editors/test/expectations.json")

-- Reporting ------------------------------------------------------------------

local passed, failed, pending = 0, 0, 0

local function say(line)
  io.stdout:write(line .. "\n")
  io.stdout:flush()
end

local function check(name, ok, detail)
  if ok then
    passed = passed + 1
    say("ok - " .. name)
  else
    failed = failed + 1
    say("not ok - " .. name .. (detail and (": " .. detail) or ""))
  end
  return ok
end

local function skip(name, reason)
  pending = pending + 1
  say(("pending - %s (waits for %s)"):format(name, reason))
end

-- Counting publications, so a test knows when the server has answered a save.

local published = {}
local publish = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  publish(err, result, ctx, config)
  if result then
    local bufnr = vim.uri_to_bufnr(result.uri)
    published[bufnr] = (published[bufnr] or 0) + 1
  end
end

local function wait_publication(bufnr, after)
  return vim.wait(WAIT_MS, function()
    return (published[bufnr] or 0) > after
  end, 20)
end

local function client_for(bufnr)
  local ok = vim.wait(WAIT_MS, function()
    local clients = vim.lsp.get_clients({ bufnr = bufnr, name = "copydesk" })
    return #clients > 0 and clients[1].initialized
  end, 20)
  return ok and vim.lsp.get_clients({ bufnr = bufnr, name = "copydesk" })[1] or nil
end

--- Writes the buffer and waits for the diagnostics that the save brings.
local function save(bufnr)
  local before = published[bufnr] or 0
  vim.api.nvim_buf_call(bufnr, function()
    vim.cmd("silent write")
  end)
  return wait_publication(bufnr, before)
end

-- Looking at diagnostics -------------------------------------------------------

local function line_text(bufnr, lnum)
  return vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1] or ""
end

local function copydesk_diagnostics(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == "copydesk" then
      out[#out + 1] = d
    end
  end
  return out
end

local function describe(list)
  local parts = {}
  for _, d in ipairs(list) do
    parts[#parts + 1] = ("%d:%d %s"):format(d.lnum + 1, d.col + 1, tostring(d.code))
  end
  return "[" .. table.concat(parts, ", ") .. "]"
end

--- The diagnostic of `code` on 1-based `line` that starts at `text`, if any.
local function find(bufnr, line, code, text)
  local lnum = line - 1
  local col = text and (line_text(bufnr, lnum):find(text, 1, true) or 0) - 1
  for _, d in ipairs(copydesk_diagnostics(bufnr)) do
    if d.lnum == lnum and d.code == code and (not text or d.col == col) then
      return d
    end
  end
  return nil
end

local SEVERITY = {
  error = vim.diagnostic.severity.ERROR,
  warning = vim.diagnostic.severity.WARN,
  information = vim.diagnostic.severity.INFO,
  hint = vim.diagnostic.severity.HINT,
}

--- Applies the quick fix titled `fix.title` for the diagnostic at `fix.text`
--- the way a user does (cursor on it, vim.lsp.buf.code_action), saves, and
--- checks that the diagnostic is gone.
local function apply_fix(bufnr, fix, name)
  local target = find(bufnr, fix.line, fix.code, fix.text)
  if not check(name .. ": the diagnostic is there first", target ~= nil, describe(copydesk_diagnostics(bufnr))) then
    return
  end
  local function of_code()
    return vim.tbl_filter(function(d)
      return d.code == fix.code
    end, copydesk_diagnostics(bufnr))
  end
  local before = #of_code()
  vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })
  local tick = vim.b[bufnr].changedtick
  vim.lsp.buf.code_action({
    apply = true,
    filter = function(action)
      local diagnostic = action.diagnostics and action.diagnostics[1]
      return diagnostic ~= nil and diagnostic.code == fix.code and action.title:find(fix.title, 1, true) ~= nil
    end,
  })
  local applied = vim.wait(WAIT_MS, function()
    return vim.b[bufnr].changedtick ~= tick
  end, 20)
  if not check(name .. ": applied through the editor", applied) then
    return
  end
  check(name .. ": the fixed article is checked on save", save(bufnr))
  -- The flagged text may have moved (a line inserted above it) or changed (the fix itself).
  local line = vim.fn.search("\\V" .. vim.fn.escape(fix.text, "\\"), "nwc")
  local gone
  if line > 0 then
    gone = find(bufnr, line, fix.code, fix.text) == nil
  else
    gone = #of_code() < before
  end
  check(name .. ": the diagnostic is gone after the save", gone, describe(of_code()))
end

-- The session ------------------------------------------------------------------

if legacy then
  -- Neovim 0.8-0.10 have neither; the plugin must fall back to vim.lsp.start.
  vim.lsp.config = nil
  vim.lsp.enable = nil
end

require("copydesk").setup({
  cmd = { cmd, "--stdio" },
  settings = { copydesk = expect.settings },
})

local function run()
  say(("# Neovim %s, %s path"):format(tostring(vim.version()), legacy and "vim.lsp.start" or "vim.lsp.config"))

  -- A binary that is not there: a clear message, and the working setup stays.
  local notices = {}
  local notify = vim.notify
  vim.notify = function(message)
    notices[#notices + 1] = message
  end
  require("copydesk").setup({ cmd = { work .. "/no-such-dir/copydesk", "--stdio" } })
  vim.notify = notify
  check(
    "a missing binary gets a message saying how to install copydesk",
    #notices == 1
      and notices[1]:find("pip install copydesk", 1, true) ~= nil
      and notices[1]:find("cargo install --locked --path .", 1, true) ~= nil,
    vim.inspect(notices)
  )

  vim.cmd.edit(vim.fn.fnameescape(work .. "/" .. expect.article))
  local article = vim.api.nvim_get_current_buf()
  check("the markdown buffer has filetype markdown", vim.bo[article].filetype == "markdown", vim.bo[article].filetype)
  local client = client_for(article)
  if not check("copydesk attaches to the article", client ~= nil) then
    return
  end
  check("the server is copydesk", client.server_info and client.server_info.name == "copydesk")
  wait_publication(article, 0)
  check("the article is checked on save", save(article), "no diagnostics published after :write")

  local all = copydesk_diagnostics(article)
  for _, e in ipairs(expect.diagnostics) do
    local name = ("%s on line %d%s"):format(e.code, e.line, e.text and (' at "' .. e.text .. '"') or "")
    if e.pending then
      skip(name, e.pending)
    else
      local d = find(article, e.line, e.code, e.text)
      if check(name, d ~= nil, "diagnostics: " .. describe(all)) and e.severity then
        check(name .. " has severity " .. e.severity .. " (from settings)", d.severity == SEVERITY[e.severity], tostring(d.severity))
      end
    end
  end
  for _, line in ipairs(expect.quiet) do
    local here = vim.tbl_filter(function(d)
      return d.lnum == line - 1
    end, all)
    check(("line %d stays quiet"):format(line), #here == 0, describe(here))
  end

  -- Hover on a person's name.
  local hover = expect.hover
  if hover.pending then
    skip("hover on " .. hover.text, hover.pending)
  else
    local col = line_text(article, hover.line - 1):find(hover.text, 1, true) - 1
    vim.api.nvim_win_set_cursor(0, { hover.line, col })
    -- What `K` does: the server's hover in a floating window.
    vim.lsp.buf.hover()
    local text = ""
    vim.wait(WAIT_MS, function()
      for _, win in ipairs(vim.api.nvim_list_wins()) do
        if vim.api.nvim_win_get_config(win).relative ~= "" then
          text = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false), "\n")
          vim.api.nvim_win_close(win, true)
          return true
        end
      end
      return false
    end, 20)
    for _, want in ipairs(hover.contains) do
      check(("hover on %s shows %q"):format(hover.text, want), text:find(want, 1, true) ~= nil, vim.inspect(text))
    end
  end

  -- :CopydeskActors: the server's outline of people and organisations, in the location list.
  local actors = expect.actors
  if actors.pending then
    skip(":CopydeskActors", actors.pending)
  else
    vim.fn.setloclist(0, {})
    vim.cmd("CopydeskActors")
    local listed = vim.wait(WAIT_MS, function()
      return #vim.fn.getloclist(0) > 0
    end, 20)
    local texts = vim.tbl_map(function(item)
      return item.text
    end, vim.fn.getloclist(0))
    local found = vim.tbl_filter(function(text)
      return text:find(actors.name, 1, true) ~= nil
    end, texts)
    check((":CopydeskActors lists %s"):format(actors.name), listed and #found > 0, vim.inspect(texts))
    vim.cmd("silent! lclose")
  end

  -- Quick fixes, through vim.lsp.buf.code_action, each followed by a save.
  for _, fix in ipairs(expect.quickFixes) do
    local name = ("quick fix %q for %s on line %d"):format(fix.title, fix.code, fix.line)
    if fix.pending then
      skip(name, fix.pending)
    else
      apply_fix(article, fix, name)
    end
  end

  -- A second save after an edit checks again.
  local edit = expect.edit
  local last = vim.api.nvim_buf_line_count(article)
  vim.api.nvim_buf_set_lines(article, last, last, false, { "", edit.append })
  check("the edited article is checked on the second save", save(article))
  check(("the new line %d has %s"):format(last + 2, edit.code), find(article, last + 2, edit.code, edit.text) ~= nil, describe(copydesk_diagnostics(article)))

  -- Plain text.
  local plain = expect.plaintext
  vim.cmd.edit(vim.fn.fnameescape(work .. "/" .. plain.file))
  local note = vim.api.nvim_get_current_buf()
  check("the .txt buffer has filetype text", vim.bo[note].filetype == "text", vim.bo[note].filetype)
  if check("copydesk attaches to the plain-text note", client_for(note) ~= nil) then
    wait_publication(note, 0)
    check(("%s on line %d of the note"):format(plain.code, plain.line), find(note, plain.line, plain.code, plain.text) ~= nil, describe(copydesk_diagnostics(note)))
  end
  check("both files share one server", #vim.lsp.get_clients({ name = "copydesk" }) == 1)

  -- :CopydeskRestart: the old server goes, a new one checks the open buffers again.
  vim.cmd.buffer(article)
  local old_id = client.id
  local before = published[article] or 0
  vim.cmd("CopydeskRestart")
  local restarted = vim.wait(WAIT_MS, function()
    for _, now in ipairs(vim.lsp.get_clients({ bufnr = article, name = "copydesk" })) do
      if now.id ~= old_id and now.initialized then
        return true
      end
    end
    return false
  end, 20)
  check(":CopydeskRestart starts a new server for the article", restarted)
  check(":CopydeskRestart checks the article again", wait_publication(article, before))
end

-- After startup, when filetype detection is on, as in a user's session;
-- nested, so that opening a file fires its autocmds.
vim.api.nvim_create_autocmd("VimEnter", {
  once = true,
  nested = true,
  callback = function()
    local ok, err = xpcall(run, debug.traceback)
    check("the session ran to the end", ok, err)
    say(("# lsp log: %s"):format(vim.lsp.get_log_path()))
    say(("neovim: %d passed, %d failed, %d skipped"):format(passed, failed, pending))
    if failed > 0 then
      vim.cmd("cquit 1")
    else
      vim.cmd("qall!")
    end
  end,
})
