const { src, dest } = require('gulp');

// Node and credential icons live beside their TypeScript sources; tsc does not copy them.
function buildIcons() {
  return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(
    dest('dist'),
  );
}

exports['build:icons'] = buildIcons;
