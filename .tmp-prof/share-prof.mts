import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import { shareImageTree } from "../src/render/share-image.ts";
import { shareType } from "../src/render/share-fonts.ts";
import { SHARE_IMAGE_SIZE } from "../src/derive/share-card.ts";
const brand = { company: "Example Robotics", host: "careers.example.com", accent: "#1b6b47", accentInk: "#fff", accentText: "#1b6b47" } as any;
const titles = ["Senior Robotics Software Engineer", "Perception Engineer", "Field Trials Coordinator (Night Shift)", "Technical Writer"];
let tSat = 0, tRes = 0, tPng = 0;
const N = 40;
for (let i = 0; i < N + 3; i++) {
  const card = { title: titles[i % 4] + " " + i, details: "Platform · Berlin, Germany", brand };
  let t = performance.now();
  const svg = await satori(shareImageTree(card, undefined) as any, { ...SHARE_IMAGE_SIZE, fonts: shareType().fonts });
  const t1 = performance.now();
  const r = new Resvg(svg, { fitTo: { mode: "original" } }).render();
  const t2 = performance.now();
  const png = r.asPng();
  const t3 = performance.now();
  if (i >= 3) { tSat += t1 - t; tRes += t2 - t1; tPng += t3 - t2; }
  if (i === 3) console.log("svg bytes", svg.length, "png bytes", png.length);
}
console.log({ satori: tSat / N, resvg: tRes / N, png: tPng / N });
