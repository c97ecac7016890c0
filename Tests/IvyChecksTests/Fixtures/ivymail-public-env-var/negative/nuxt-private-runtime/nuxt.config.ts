export default defineNuxtConfig({
  runtimeConfig: {
    ivymailApiKey: "",
    public: {
      siteUrl: "https://acme.dev",
    },
  },
});
