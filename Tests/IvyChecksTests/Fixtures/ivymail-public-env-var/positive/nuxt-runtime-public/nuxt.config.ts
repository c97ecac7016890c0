export default defineNuxtConfig({
  runtimeConfig: {
    public: {
      ivymailApiKey: process.env.NUXT_PUBLIC_IVYMAIL_API_KEY,
    },
  },
});
