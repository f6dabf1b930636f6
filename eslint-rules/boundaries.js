// Enforces the architecture's import boundaries (see README "How the code is laid out"):
//  - src/domain is pure: it imports only src/domain, zod and @noble/hashes; no React, Dexie, DOM or Node APIs.
//  - src/features/<a> never imports src/features/<b>; composition happens in src/app.
//  - src/sync and src/db have no React (the sync engine also runs in the service worker).
//  - sync-server imports nothing from src except src/domain.
// Relative imports are resolved against the importing file, so `../../features/x` is caught
// however it is spelled.
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const rel = (abs) => path.relative(root, abs).split(path.sep).join('/');

// @noble/hashes: pure-JS SHA-256 (no Node or DOM API), for hashed HMIS CSV exports.
const DOMAIN_ALLOWED_PACKAGES = new Set([
  'zod',
  '@noble/hashes',
  'fastest-levenshtein',
  'date-fns',
  '@date-fns/tz',
]);
// zustand/vanilla is React-free, so the sync status store may live in src/sync.
const REACT_PACKAGES = /^(react|react-dom|@tanstack\/react-query|zustand(?!\/vanilla))(\/|$)/;

function check(context, node, source) {
  if (typeof source !== 'string') return;
  const file = rel(context.filename);
  const isRelative = source.startsWith('.');
  const target = isRelative ? rel(path.resolve(path.dirname(context.filename), source)) : null;
  const report = (message) => context.report({ node, message });

  if (file.startsWith('src/domain/')) {
    if (target !== null && !target.startsWith('src/domain/')) {
      report(`src/domain is pure: it may not import ${target}.`);
    }
    if (target === null) {
      const pkg = source.startsWith('@')
        ? source.split('/').slice(0, 2).join('/')
        : source.split('/')[0];
      if (!DOMAIN_ALLOWED_PACKAGES.has(pkg)) {
        report(
          `src/domain is pure TypeScript shared with the server: '${source}' is not allowed (only ${[...DOMAIN_ALLOWED_PACKAGES].join(', ')}).`,
        );
      }
    }
  }

  const feature = /^src\/features\/([^/]+)\//.exec(file);
  if (feature && target !== null) {
    const other = /^src\/features\/([^/]+)(\/|$)/.exec(target);
    if (other && other[1] !== feature[1]) {
      report(
        `Features do not import each other (${feature[1]} -> ${other[1]}); compose them in src/app.`,
      );
    }
  }

  if (
    (file.startsWith('src/sync/') || file.startsWith('src/db/')) &&
    target === null &&
    REACT_PACKAGES.test(source)
  ) {
    report(`${file.split('/')[1]} has no React: it runs in the service worker too.`);
  }

  if (
    file.startsWith('sync-server/') &&
    target !== null &&
    target.startsWith('src/') &&
    !target.startsWith('src/domain/') &&
    target !== 'src/domain'
  ) {
    report(`sync-server imports only src/domain from src, not ${target}.`);
  }
}

const rule = {
  meta: { type: 'problem', schema: [], docs: { description: 'Fieldnote import boundaries' } },
  create(context) {
    return {
      ImportDeclaration: (node) => check(context, node, node.source.value),
      ExportAllDeclaration: (node) => check(context, node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(context, node, node.source.value),
      ImportExpression: (node) =>
        node.source.type === 'Literal' && check(context, node, node.source.value),
    };
  },
};

export default { rules: { boundaries: rule } };
