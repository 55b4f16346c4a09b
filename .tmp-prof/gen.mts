import { generateSite } from "../bench/generate.ts";
generateSite("/tmp/ab/s50", 50, 7);
