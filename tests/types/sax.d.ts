/** The part of the `sax` XML parser's API the feed tests and the SVG check use (the package ships no types). */
declare module 'sax' {
  interface QualifiedAttribute {
    name: string;
    value: string;
    local: string;
    uri: string;
  }
  interface QualifiedTag {
    name: string;
    local: string;
    uri: string;
    attributes: Record<string, QualifiedAttribute>;
  }
  interface SAXParser {
    onerror: (error: Error) => void;
    onopentag: (node: QualifiedTag) => void;
    onclosetag: (name: string) => void;
    ontext: (text: string) => void;
    oncdata: (text: string) => void;
    ondoctype: (doctype: string) => void;
    onprocessinginstruction: (instruction: { name: string; body: string }) => void;
    write(xml: string): SAXParser;
    close(): SAXParser;
  }
  const sax: { parser(strict: boolean, options?: { xmlns?: boolean }): SAXParser };
  export default sax;
}
