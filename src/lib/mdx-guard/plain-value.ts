/**
 * Decides whether an MDX expression (`{…}`) is a plain value: one string, number or boolean
 * literal, with comments allowed. Anything else (a call, an operator, a variable, a template,
 * an array or object) is refused with a message the author understands. A small reader over an
 * allow-list: what it cannot read is not plain. It reads the source as the guard sees it, so it
 * is not what keeps code out: the check of the compiled code (emitted.ts) is.
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
        // A line comment ends at any of JavaScript's line terminators, not only \n.
        const end = /[\n\r\u2028\u2029]/.exec(rest);
        this.pos = end ? this.pos + end.index + 1 : this.text.length;
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

  value(): void {
    if (this.take(/^("(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')/)) return;
    if (this.take(/^-?(?:0x[0-9a-f]+|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(?![\w$])/i)) return;
    if (this.take(/^(?:true|false)(?![\w$])/)) return;
    throw new Error('not a plain value');
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
