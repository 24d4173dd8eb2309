-- Minimal Neovim 0.7+ config that starts bulkhead-language-server for Dockerfiles, Compose files and
-- Kubernetes manifests (0.7 has no vim.lsp.start: start the client and attach it per buffer).
-- Used by scripts/run-neovim-test.mjs; the README shows the config for current Neovim.
local client_id = nil

vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'dockerfile', 'yaml', 'json' },
  callback = function(args)
    if client_id == nil then
      client_id = vim.lsp.start_client({
        name = 'bulkhead',
        cmd = { 'bulkhead-language-server', '--stdio' },
        root_dir = vim.fn.getcwd(),
      })
    end
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})
