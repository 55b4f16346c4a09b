import { createHash } from "node:crypto";
import type { LogoFile, Role, ShareBrand, ShareCard } from "../model.ts";
import { AA_TEXT, BLACK, buttonText, type Hex, shadeFor, WHITE } from "../schema/colour.ts";
import type { SiteConfig } from "../schema/site-schema.ts";
import { absoluteUrl } from "./site-url.ts";

// What a role's share image shows (the picture a link to it gets in chat
// apps and social networks), and where it is published. The image is drawn
// at build time (render/share-image.ts); its address carries a version made
// from everything it shows, so a changed role gets a fresh picture in places
// that keep old ones.

export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** The site-wide part of every share image: company, colours and logo. */
export function shareBrand(config: SiteConfig, accent: Hex, logo: LogoFile | undefined): ShareBrand {
  return {
    company: config.name,
    host: new URL(config.url).host,
    accent,
    accentInk: buttonText(accent),
    accentText: shadeFor(accent, WHITE, AA_TEXT, BLACK),
    // Bytes stay with the logo; the card names them by their hash.
    logo: logo && { type: logo.type, hash: createHash("sha256").update(logo.bytes).digest("hex"), size: logo.size },
  };
}

export function shareCard(role: Pick<Role, "title" | "team" | "locationLabel">, brand: ShareBrand): ShareCard {
  return { title: role.title, details: [role.team, role.locationLabel].filter(Boolean).join(" · "), brand };
}

/** `/jobs/designer/` → `/assets/share/jobs/designer.png`: one image per page address, in Openings' own folder. */
export function shareImagePath(roleUrl: string): string {
  const name = roleUrl === "/" ? "/index" : roleUrl.replace(/\/$/, "");
  return `/assets/share${name}.png`;
}

/** A short fingerprint of what the image shows. */
export function shareVersion(card: ShareCard): string {
  return createHash("sha256").update(JSON.stringify(card)).digest("hex").slice(0, 12);
}

/** The `og:image` tags' values for a role's page. */
export function shareImageMeta(role: Role, brand: ShareBrand, config: SiteConfig) {
  const card = shareCard(role, brand);
  return {
    url: `${absoluteUrl(config, shareImagePath(role.url))}?v=${shareVersion(card)}`,
    ...SHARE_IMAGE_SIZE,
    alt: [card.title, card.details, card.brand.company].filter(Boolean).join(" — "),
  };
}
