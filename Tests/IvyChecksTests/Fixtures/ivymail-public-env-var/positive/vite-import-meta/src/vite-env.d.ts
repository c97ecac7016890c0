/// <reference types="vite/client" />
interface ImportMetaEnv {
  readonly VITE_IVYMAIL_API_KEY: string;
}
