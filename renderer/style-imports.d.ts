/** Stylesheets are imported for their side effect only; Vite bundles them into one CSS file. */
declare module '*.css';
