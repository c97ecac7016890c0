export default async function handler(req, res) {
  const r = await fetch("https://api.ivymail.io/v1/send", {
    method: "POST",
    headers: { "x-api-key": process.env.IVYMAIL_API_KEY },
    body: JSON.stringify(req.body),
  });
  res.status(r.status).json({ ok: r.ok });
}
