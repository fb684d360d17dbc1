/**
 * Decides whether an MDX expression (`{…}`) is a plain value: a string, number, boolean,
 * null, or an array/object of those, with comments allowed. Anything else (a call, an
 * operator, a variable, a template with `${}`) would run code at build time and is refused.
 * A small recursive-descent reader over an allow-list: what it cannot read is not plain.
 */

class Reader {
  pos = 0;
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }

  skip(): void {
    for (;;) {
      const rest = this.text.slice(this.pos);
      const space = /^\s+/.exec(rest);
      if (space) {
        this.pos += space[0].length;
        continue;
      }
      if (rest.startsWith('//')) {
        const end = this.text.indexOf('\n', this.pos);
        this.pos = end === -1 ? this.text.length : end + 1;
        continue;
      }
      if (rest.startsWith('/*')) {
        const end = this.text.indexOf('*/', this.pos + 2);
        if (end === -1) throw new Error('unclosed comment');
        this.pos = end + 2;
        continue;
      }
      return;
    }
  }

  peek(): string {
    this.skip();
    return this.text[this.pos] ?? '';
  }

  take(pattern: RegExp): string | undefined {
    this.skip();
    const match = pattern.exec(this.text.slice(this.pos));
    if (!match) return undefined;
    this.pos += match[0].length;
    return match[0];
  }

  expect(char: string): void {
    if (this.peek() !== char) throw new Error(`expected ${char}`);
    this.pos++;
  }

  value(): void {
    const c = this.peek();
    if (c === '[') return this.array();
    if (c === '{') return this.object();
    if (this.take(/^("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\$]|\\.|\$(?!\{))*`)/)) return;
    if (this.take(/^-?(?:0x[0-9a-f]+|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(?![\w$])/i)) return;
    if (this.take(/^(?:true|false|null)(?![\w$])/)) return;
    throw new Error('not a plain value');
  }

  array(): void {
    this.expect('[');
    while (this.peek() !== ']') {
      this.value();
      if (this.peek() === ',') this.pos++;
      else break;
    }
    this.expect(']');
  }

  object(): void {
    this.expect('{');
    while (this.peek() !== '}') {
      if (!this.take(/^([A-Za-z_$][\w$]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\d+)/)) throw new Error('expected a key');
      this.expect(':');
      this.value();
      if (this.peek() === ',') this.pos++;
      else break;
    }
    this.expect('}');
  }
}

/** True for an expression that is only comments, or one plain value (see the file comment). */
export function isPlainValue(expression: string): boolean {
  const reader = new Reader(expression);
  try {
    if (reader.peek() === '') return true; // only comments: `{/* note */}`
    reader.value();
    return reader.peek() === '';
  } catch {
    return false;
  }
}

/** True when the expression holds only comments (an MDX comment renders nothing). */
export function isComment(expression: string): boolean {
  const reader = new Reader(expression);
  try {
    return reader.peek() === '';
  } catch {
    return false;
  }
}
