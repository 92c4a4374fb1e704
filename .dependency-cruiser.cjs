/**
 * The house's rules, checked by `npm run lint:deps` in `npm test` (docs/architecture.md draws
 * them). Arrows point down only:
 *
 *   action/ (main.ts, index.ts)  cli/ (cli.ts)  thin shells
 *   operations/                                  typed operations
 *   demo/                                        the synthetic account's adapters
 *   state/ analysis/ report/                     the FinOps work, the stores, the renderers
 *   executor/ settings/ aws/                     the engine, typed settings, AWS adapters
 *   records/ primitives/                         shared records and schemas; clock, errors, constants
 */
const LAYERS = [
  ['primitives'],
  ['records'],
  ['executor', 'settings', 'aws'],
  ['state', 'analysis', 'report'],
  ['demo'],
  ['operations'],
  ['action', 'cli'],
];

/** A layer's files: its folder, and for the two shells their entry points. */
const ENTRY_POINTS = { action: '|main\\.ts$|index\\.ts$', cli: '|cli\\.ts$' };
const folder = (name) => `^src/(${name}/${ENTRY_POINTS[name] ?? ''})`;
const below = (i) => LAYERS.slice(0, i).flat();

/** Each layer imports only from the layers below it, never a sibling of its own layer. */
const layerRules = LAYERS.flatMap((layer, i) =>
  layer.map((name) => ({
    name: `layer-${name}`,
    comment: `${name} may import only ${below(i).join(', ') || 'itself'} (and packages)`,
    severity: 'error',
    from: { path: folder(name) },
    to: { path: '^src/', pathNot: [folder(name), ...below(i).map(folder)] },
  })),
);

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle makes two modules one: split the shared part out.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'core-without-runner',
      comment: 'Only the action shell talks to the runner (@actions/*); everything below runs the same in the CLI and tests.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/action/', '^src/main\\.ts$'] },
      to: { path: 'node_modules/@actions/' },
    },
    {
      name: 'core-without-aws-sdk',
      comment: 'The AWS SDK is reached through the adapters in aws/ (and the S3 object store) only.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/aws/', '^src/state/s3-store\\.ts$'] },
      to: { path: 'node_modules/@aws-sdk/' },
    },
  ],
  options: {
    // swc reads TypeScript (type-only imports included) without the compiler API.
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
