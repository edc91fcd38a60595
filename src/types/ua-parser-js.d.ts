// The part of ua-parser-js 1.x that labreport uses (the package ships no types of its own).
declare module 'ua-parser-js' {
  interface UAResult {
    browser: { name?: string; version?: string; major?: string };
    os: { name?: string; version?: string };
  }
  export default class UAParser {
    constructor(ua?: string);
    getResult(): UAResult;
  }
}
