export default defineEventHandler(async (event) => {
  const { ivymailApiKey } = useRuntimeConfig(event);
  return $fetch("https://api.ivymail.io/v1/send", { method: "POST", headers: { "x-api-key": ivymailApiKey } });
});
