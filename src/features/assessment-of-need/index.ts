/**
 * The assessment of need's public surface. No other feature uses it today: its pages, API and
 * chronology source reach the application through its manifest (feature.ts). The demo seed and
 * the benchmark write its tables themselves (queries.ts, sections.ts), as they may.
 */
export { assessmentPaths } from './paths.js';
