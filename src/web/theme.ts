/**
 * The design-token theme. NL Design System components get their look from CSS custom properties
 * scoped to a class on the root element. A municipality that brings its own tokens replaces the
 * import and the class name below; nothing else in the UI refers to a theme.
 */
import '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';

/** Class that activates the token set; put on the root element of the app. */
export const THEME_CLASS = 'voorbeeld-theme';
