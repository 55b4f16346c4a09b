import type { LogoFile, SchemeColours, Theme } from "../model.ts";
import { AA_TEXT, BLACK, buttonText, type Hex, mix, shadeFor, WHITE } from "../schema/colour.ts";
import { LOGO_MEDIA_TYPES } from "../schema/site-logo.ts";
import type { SiteConfig } from "../schema/site-schema.ts";
import { shareBrand } from "./share-card.ts";

// The company's look, from site.yaml's `accent_color` and `logo`: the colours
// base.njk sets as CSS custom properties for light and dark schemes (the
// rest of the palette is fixed in layouts/style.css), the favicon, the
// theme-color and the header's logo. Every text colour here reaches WCAG AA
// (4.5:1) on the background it is used on, whatever the accent.

export const DEFAULT_ACCENT: Hex = "#0b5cad";

/** style.css's backgrounds that links sit on: the page and its tinted panels, light and dark. */
export const LIGHT_BACKGROUNDS: readonly Hex[] = ["#ffffff", "#f4f6f8"];
export const DARK_BACKGROUNDS: readonly Hex[] = ["#121417", "#1c2026"];
/** The dark scheme's page colour: the browser's toolbar in dark mode. */
const DARK_PAPER: Hex = "#121417";

/** The header's logo height in CSS pixels (style.css's `.site-logo`). */
export const HEADER_LOGO_HEIGHT = 36;

export function siteTheme(config: SiteConfig, logo: LogoFile | undefined): Theme {
  const accent = config.accent_color ?? DEFAULT_ACCENT;
  return {
    light: schemeColours(accent, LIGHT_BACKGROUNDS, BLACK),
    dark: schemeColours(accent, DARK_BACKGROUNDS, WHITE),
    themeColor: { light: accent, dark: DARK_PAPER },
    icon: siteIcon(config),
    logo: headerLogo(config, logo),
    share: config.share_images ? shareBrand(config, accent, logo) : undefined,
  };
}

function schemeColours(accent: Hex, backgrounds: readonly Hex[], away: Hex): SchemeColours {
  const ink = buttonText(accent);
  // Hovering moves away from the button's text, so its contrast only grows.
  const hover = mix(accent, ink === WHITE ? BLACK : WHITE, 0.15);
  // Links and outlined controls use the accent as text: shaded until it reads on every background.
  let text = accent;
  for (const background of backgrounds) text = shadeFor(text, background, AA_TEXT, away);
  return { accent, accentInk: ink, accentHover: hover, accentText: text };
}

/** The favicon: the logo itself when browsers show it as one (SVG, PNG), else a letter on the accent (assets/favicon.svg). */
export function siteIcon(config: Pick<SiteConfig, "logo">): Theme["icon"] {
  const logo = config.logo;
  if (logo?.file && (logo.type === "svg" || logo.type === "png")) return { url: logo.url, type: LOGO_MEDIA_TYPES[logo.type], generated: false };
  return { url: "/assets/favicon.svg", type: LOGO_MEDIA_TYPES.svg, generated: true };
}

/** The generated favicon: the company's first letter, in button text colour on a rounded accent square. */
export function monogramSvg(config: Pick<SiteConfig, "name" | "accent_color">): string {
  const accent = config.accent_color ?? DEFAULT_ACCENT;
  const letter = initial(config.name);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${accent}"/>` +
    `<text x="32" y="44" text-anchor="middle" font-family="system-ui,-apple-system,'Segoe UI',Roboto,sans-serif" font-size="36" font-weight="700" fill="${buttonText(accent)}">${escapeXml(letter)}</text></svg>\n`
  );
}

/** The first letter or digit of `name`, as a reader sees it (one grapheme), in upper case. */
export function initial(name: string): string {
  for (const { segment } of new Intl.Segmenter("en", { granularity: "grapheme" }).segment(name)) {
    if (/[\p{L}\p{N}]/u.test(segment)) return segment.toLocaleUpperCase();
  }
  return "•";
}

function headerLogo(config: SiteConfig, logo: LogoFile | undefined): Theme["logo"] {
  if (!config.logo) return undefined;
  const size = logo?.size;
  // Width from the logo's proportions, so the header reserves its space before it loads.
  const width = size ? Math.round((HEADER_LOGO_HEIGHT * size.width) / size.height) : undefined;
  return { url: config.logo.url, alt: config.name, height: HEADER_LOGO_HEIGHT, width };
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
