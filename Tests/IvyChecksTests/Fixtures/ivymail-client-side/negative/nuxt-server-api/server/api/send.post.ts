export default defineEventHandler(async (event) => {
  const body = await readBody(event);
  return $fetch("https://api.ivymail.io/v1/send", {
    method: "POST",
    headers: { "x-api-key": "%KEY%" },
    body,
  });
});
