/**
 * Splits a SQL script into statements on the semicolons that end them: a semicolon inside a
 * quoted string ('…'), a quoted identifier ("…"), a dollar-quoted body ($fn$ … $fn$, as
 * function bodies are written) or a `--` comment does not end a statement.
 */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  while (i < script.length) {
    const ch = script[i] as string;
    if (ch === "'" || ch === '"') {
      i = script.indexOf(ch, i + 1);
      // A doubled quote inside the string is an escaped quote: the scan goes on after it.
      while (i !== -1 && script[i + 1] === ch) i = script.indexOf(ch, i + 2);
      i = i === -1 ? script.length : i + 1;
    } else if (ch === '-' && script[i + 1] === '-') {
      const end = script.indexOf('\n', i);
      i = end === -1 ? script.length : end + 1;
    } else if (ch === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(script.slice(i));
      if (tag) {
        const end = script.indexOf(tag[0], i + tag[0].length);
        i = end === -1 ? script.length : end + tag[0].length;
      } else {
        i++;
      }
    } else if (ch === ';') {
      statements.push(script.slice(start, i));
      start = ++i;
    } else {
      i++;
    }
  }
  statements.push(script.slice(start));
  return statements.map((s) => s.trim()).filter((s) => s.length > 0);
}
