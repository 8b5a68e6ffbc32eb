-- Neovim (0.7+) as an LSP client of http-status-lens, headless. Driven by test/e2e/neovim.test.mjs:
--   HSL_NVIM_CONFIG=plan.json HSL_NVIM_OUT=result.json nvim --headless -u NONE -i NONE -n -c 'luafile driver.lua'
-- plan.json: { cmd = {...}, root = dir, timeout_ms = n, settings = {...},
--              files = { { path, hover = {line, character}, fix_rule = id, expect_none = bool } } }
-- The client is configured as docs/editors.md tells users to. For each file: open it (filetype detection on, as a
-- user's config has it), attach the client, wait for publishDiagnostics, ask for a hover, ask for code actions on
-- the diagnostic of fix_rule, apply the preferred one with Neovim's own apply_workspace_edit and wait for the
-- server to take the warning back. Everything observed goes to result.json; the assertions are in the Node test,
-- so failures read clearly there. Only APIs present in Neovim 0.7 are used (vim.lsp.start_client,
-- buf_attach_client, buf_request_sync).
local plan = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('HSL_NVIM_CONFIG')), '\n'))
local out = { nvim = vim.version(), files = {}, messages = {} }
local timeout = plan.timeout_ms or 10000

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(out) }, os.getenv('HSL_NVIM_OUT'))
  vim.cmd('qall!')
end

local published = {} -- uri -> diagnostics of the latest publishDiagnostics
local publish_count = {} -- uri -> number of notifications
local exit_info = nil

local ok, err = pcall(function()
  vim.cmd('filetype on')
  local client_id = vim.lsp.start_client({
    name = 'http-status-lens',
    cmd = plan.cmd,
    -- answers the server's workspace/configuration requests for the section "httpStatusLens"
    settings = plan.settings or vim.empty_dict(),
    -- Neovim 0.7 answers workspace/configuration but does not say so: without this the server never asks
    capabilities = vim.tbl_deep_extend('force', vim.lsp.protocol.make_client_capabilities(), {
      workspace = { configuration = true },
    }),
    root_dir = plan.root,
    -- the server knows files by VS Code's language ids; Neovim's filetype is the same but for C# ("cs")
    get_language_id = function(_, filetype) return ({ cs = 'csharp' })[filetype] or filetype end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, result, ctx, config)
        published[result.uri] = result.diagnostics
        publish_count[result.uri] = (publish_count[result.uri] or 0) + 1
        -- and what a user sees: Neovim's own handler fills vim.diagnostic
        return vim.lsp.handlers['textDocument/publishDiagnostics'](e, result, ctx, config)
      end,
      ['window/logMessage'] = function(_, result) table.insert(out.messages, result.message) end,
      ['window/showMessage'] = function(_, result) table.insert(out.messages, result.message) end,
      -- Neovim 0.7's own handler prompts for a choice, which would hang a headless session: record it instead
      ['window/showMessageRequest'] = function(_, result)
        table.insert(out.messages, result.message)
        return vim.NIL
      end,
    },
    on_exit = function(code, signal) exit_info = { code = code, signal = signal } end,
  })
  if not client_id then error('vim.lsp.start_client returned nil for ' .. vim.inspect(plan.cmd)) end
  out.client_id = client_id

  local function server_died()
    if exit_info then
      error(string.format('the language server exited early (code %s, signal %s)', exit_info.code, exit_info.signal))
    end
  end

  for _, f in ipairs(plan.files) do
    server_died()
    local r = { path = f.path }
    table.insert(out.files, r)
    vim.cmd('edit ' .. vim.fn.fnameescape(f.path))
    local bufnr = vim.api.nvim_get_current_buf()
    local uri = vim.uri_from_bufnr(bufnr)
    r.uri = uri
    r.filetype = vim.bo[bufnr].filetype
    r.language_id = vim.lsp.get_client_by_id(client_id).config.get_language_id(bufnr, r.filetype)
    r.attached = vim.lsp.buf_attach_client(bufnr, client_id)
    local t0 = vim.loop.hrtime()
    r.got_diagnostics = vim.wait(timeout, function()
      return exit_info ~= nil or (published[uri] ~= nil and (f.expect_none or #published[uri] > 0))
    end, 10) and exit_info == nil
    server_died()
    r.diagnostics_ms = (vim.loop.hrtime() - t0) / 1e6
    r.diagnostics = published[uri] or {}
    r.shown = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      table.insert(r.shown, { lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity, source = d.source, message = d.message })
    end

    if f.hover then
      local params = { textDocument = { uri = uri }, position = f.hover }
      local deadline = vim.loop.now() + timeout
      while true do
        local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, timeout)
        local res = responses and responses[client_id]
        if res and res.err then r.hover_error = res.err.message end
        if res and res.result then r.hover = res.result end
        server_died()
        if r.hover or vim.loop.now() > deadline then break end
        vim.wait(100) -- the server may still be starting
      end
    end

    if f.fix_rule then
      local target
      for _, d in ipairs(r.diagnostics) do
        if d.code == f.fix_rule then target = d end
      end
      if target then
        local params = { textDocument = { uri = uri }, range = target.range, context = { diagnostics = { target } } }
        local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, timeout)
        local res = responses and responses[client_id]
        r.actions = {}
        local preferred
        for _, a in ipairs((res and res.result) or {}) do
          table.insert(r.actions, { title = a.title, kind = a.kind, isPreferred = a.isPreferred })
          if a.isPreferred then preferred = a end
        end
        if preferred and preferred.edit then
          local before = publish_count[uri] or 0
          local client = vim.lsp.get_client_by_id(client_id)
          vim.lsp.util.apply_workspace_edit(preferred.edit, client.offset_encoding or 'utf-16')
          local line = target.range.start.line
          r.fixed_line = vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1]
          -- the change reaches the server as didChange; wait for diagnostics without the rule
          r.warning_gone = vim.wait(timeout, function()
            if exit_info then return true end
            if (publish_count[uri] or 0) <= before then return false end
            for _, d in ipairs(published[uri] or {}) do
              if d.code == f.fix_rule then return false end
            end
            return true
          end, 10)
        end
      end
    end
  end

  -- a clean shutdown: shutdown request, exit notification, the server process ends
  vim.lsp.stop_client(client_id)
  out.stopped = vim.wait(timeout, function() return exit_info ~= nil end, 10)
  out.exit = exit_info
end)
if not ok then out.error = tostring(err) end
finish()
