/** The part of the `sax` XML parser's API the feed tests use (the package ships no types). */
declare module 'sax' {
  interface SAXParser {
    onerror: (error: Error) => void;
    onopentag: (node: { name: string }) => void;
    onclosetag: (name: string) => void;
    ontext: (text: string) => void;
    write(xml: string): SAXParser;
    close(): SAXParser;
  }
  const sax: { parser(strict: boolean, options?: { xmlns?: boolean }): SAXParser };
  export default sax;
}
