import { defineConfig, loadEnv } from "vite";

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), "");
  return {
    server: {
      proxy: {
        "/mail": {
          target: "https://api.ivymail.io",
          changeOrigin: true,
          headers: { "x-api-key": env.IVYMAIL_API_KEY },
        },
      },
    },
  };
});
