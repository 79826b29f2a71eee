// Sent with every response (next.config.ts); kept out of security-headers.ts so that the config
// file imports nothing that needs the app's path aliases.
/** Features no Postern page uses, denied to it and to every frame in it; passkeys (WebAuthn) only
 * to Postern's own pages, never to a frame (a message's frame is sandboxed besides). */
export const PERMISSIONS_POLICY = [
  "accelerometer=()", "autoplay=()", "bluetooth=()", "browsing-topics=()", "camera=()", "display-capture=()",
  "encrypted-media=()", "fullscreen=()", "geolocation=()", "gyroscope=()", "hid=()", "idle-detection=()",
  "magnetometer=()", "microphone=()", "midi=()", "payment=()", "picture-in-picture=()",
  "publickey-credentials-create=(self)", "publickey-credentials-get=(self)", "screen-wake-lock=()", "serial=()", "usb=()", "xr-spatial-tracking=()",
].join(", ");
