/** The booth a page is rendering, for sections placed inside the MDX body (see view.ts). */
declare namespace App {
  interface Locals {
    booth?: import('./view.ts').BoothView;
  }
}
