import rule from '../../../server/src/engine/rules/curl-pipe-shell';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'download, verify, run', code: 'FROM debian:12\nRUN curl -fsSLo install.sh https://x.example/install.sh && echo "abc  install.sh" | sha256sum -c - && sh install.sh\n' },
    { name: 'a pipe to shell inside an echo', code: 'FROM debian:12\nRUN echo "curl https://x.example | sh" >> /README\n' },
    { name: 'in a comment', code: 'FROM debian:12\nRUN true # curl https://x.example | sh\n' },
    { name: 'data piped into a python -c script', code: 'FROM debian:12\nRUN curl -s https://api.example/v | python3 -c "import sys, json; print(json.load(sys.stdin)[\'v\'])"\n' },
    { name: 'download piped into tar', code: 'FROM debian:12\nRUN curl -fsSL https://x.example/a.tgz | tar -xz -C /opt\n' },
    { name: 'substitution passed as an argument, not run', code: 'FROM debian:12\nRUN sh ./install.sh --version "$(curl -fsSL https://x.example/v)"\n' },
    { name: 'data piped into node -e and perl -e', code: 'FROM node:20\nRUN curl -s u | node -e "process.stdin.pipe(process.stdout)" && curl -s u | perl -ne print\n' },
    { name: 'separate pipelines', code: 'FROM debian:12\nRUN curl -o x https://x.example; echo done | sh\n' },
  ],
  invalid: [
    { name: 'curl | sh, range on "| sh"', code: 'FROM debian:12\nRUN curl -fsSL https://get.example.com | sh\n', errors: [{ line: 2, column: 40, endLine: 2, endColumn: 44, message: 'piped into sh' }] },
    { name: 'wget -O- | sudo bash -s across a continuation', code: 'FROM debian:12\nRUN wget -qO- https://x.example/setup \\\n    | sudo -E bash -s -- --yes\n', errors: [{ line: 3, column: 5, endLine: 3, endColumn: 19 }] },
    { name: 'through tee into python', code: 'FROM debian:12\nRUN curl -sSL https://install.python-poetry.org | tee /tmp/i.py | python3 -\n', errors: [{ line: 2, column: 65, endLine: 2, endColumn: 74 }] },
    { name: 'sh -c "$(curl …)"', code: 'FROM debian:12\nRUN sh -c "$(curl -fsSL https://x.example/install.sh)"\n', errors: [{ line: 2, column: 5, endLine: 2, endColumn: 55, message: 'sh runs a download' }] },
    { name: 'bash <(curl …)', code: 'FROM debian:12\nRUN bash <(curl -s https://x.example/i.sh)\n', errors: [{ line: 2, column: 5, endLine: 2, endColumn: 43 }] },
    { name: 'inside sh -c and a heredoc', code: 'FROM debian:12\nRUN sh -c \'curl x.example | bash\'\nRUN <<EOF\ncurl -L x.example | sh\nEOF\n', errors: [{ line: 2, column: 27, endLine: 2, endColumn: 33 }, { line: 4, column: 19, endLine: 4, endColumn: 23 }] },
    { name: 'ONBUILD RUN', code: 'FROM debian:12\nONBUILD RUN curl https://install.meteor.com/ | sh\n', errors: [{ line: 2, column: 46, endLine: 2, endColumn: 50 }] },
    { name: 'shell options are not scripts: bash -e, bash -o pipefail', code: 'FROM debian:12\nRUN curl -fsSL x.example | bash -e && curl -fsSL y.example | bash -o pipefail -x\n', errors: [{ line: 2, column: 26, endLine: 2, endColumn: 32 }, { line: 2, column: 60, endLine: 2, endColumn: 66 }] },
    { name: 'node reading stdin', code: 'FROM node:20\nRUN curl -fsSL x.example/i.js | node\n', errors: [{ line: 2, column: 31, endLine: 2, endColumn: 37 }] },
    { name: 'exec-form sh -c', code: 'FROM debian:12\nRUN ["sh", "-c", "curl -fsSL x.example | bash"]\n', errors: [{ line: 2, column: 40, endLine: 2, endColumn: 46 }] },
  ],
});
