const { src, dest } = require('gulp');

// Icons and codex files (*.node.json) live beside their TypeScript sources; tsc does not copy them.
function buildIcons() {
  return src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(
    dest('dist'),
  );
}

exports['build:icons'] = buildIcons;
