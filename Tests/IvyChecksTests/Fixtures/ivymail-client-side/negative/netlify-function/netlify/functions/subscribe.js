exports.handler = async (event) => {
  const { email } = JSON.parse(event.body);
  await fetch("https://api.ivymail.io/v1/contacts", {
    method: "POST",
    headers: { "x-api-key": "%KEY%" },
    body: JSON.stringify({ email }),
  });
  return { statusCode: 204 };
};
