// The parts of a catalogue made by the `sainam-catalogue` plugin (vite.config.ts): plain objects of wording.
declare module "virtual:catalogue/*" {
  const part: Record<string, unknown>;
  export default part;
}
