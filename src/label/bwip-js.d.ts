/**
 * Type declarations for the part of bwip-js the label renderer uses. bwip-js publishes its
 * types only under the `node`, `browser` and `react-native` export conditions, which TypeScript's
 * `Bundler` resolution does not select; at run time every one of those builds exports `toSVG`.
 */
declare module 'bwip-js' {
  /** Options of bwip-js `toSVG` used here (a subset of its `RenderOptions`). */
  export interface RenderOptions {
    bcid: string;
    text: string;
    scale?: number;
    scaleX?: number;
    scaleY?: number;
    height?: number;
    includetext?: boolean;
    eclevel?: 'L' | 'M' | 'Q' | 'H';
    parse?: boolean;
    parsefnc?: boolean;
    paddingwidth?: number;
    paddingheight?: number;
  }
  /** Render a barcode as an SVG document string. Throws on data the symbology cannot encode. */
  export function toSVG(opts: RenderOptions): string;
}
