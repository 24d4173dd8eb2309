-- Headless Neovim check: opens each file named in BULKHEAD_NVIM_FILES (':'-separated), waits for
-- Bulkhead's diagnostics, then edits the first file to fix root-user and waits for that
-- diagnostic to clear, and asks for a hover. Writes one JSON object per line to stdout; the Node
-- side (scripts/run-neovim-test.mjs) asserts on them.
local function out(value)
  io.stdout:write(vim.fn.json_encode(value) .. '\n')
end

local function diagnostics(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, { code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), source = d.source, lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, message = d.message })
  end
  return list
end

local function has_code(buf, code)
  for _, d in ipairs(diagnostics(buf)) do
    if d.code == code then return true end
  end
  return false
end

local files = vim.split(os.getenv('BULKHEAD_NVIM_FILES') or '', ':', { plain = true })
local buffers = {}
for _, file in ipairs(files) do
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  buffers[file] = buf
  local ok = vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  out({ event = 'diagnostics', file = file, filetype = vim.bo[buf].filetype, waited = ok, diagnostics = diagnostics(buf) })
end

-- Hover on the first file's root-user finding, then fix it with an edit and wait for it to clear.
local first = buffers[files[1]]
vim.cmd('buffer ' .. first)
for _, d in ipairs(diagnostics(first)) do
  if d.code == 'root-user' then
    local params = { textDocument = { uri = vim.uri_from_bufnr(first) }, position = { line = d.lnum, character = d.col + 1 } }
    local responses = vim.lsp.buf_request_sync(first, 'textDocument/hover', params, 10000) or {}
    local text = ''
    for _, r in pairs(responses) do
      if r.result and r.result.contents then text = text .. (r.result.contents.value or '') end
    end
    out({ event = 'hover', text = text })
    local line = vim.api.nvim_buf_get_lines(first, d.lnum, d.lnum + 1, false)[1]
    vim.api.nvim_buf_set_lines(first, d.lnum, d.lnum + 1, false, { (line:gsub('USER root', 'USER node')) })
    local cleared = vim.wait(15000, function() return not has_code(first, 'root-user') end, 50)
    out({ event = 'after-edit', cleared = cleared, diagnostics = diagnostics(first) })
    break
  end
end
out({ event = 'done' })
vim.cmd('qa!')
