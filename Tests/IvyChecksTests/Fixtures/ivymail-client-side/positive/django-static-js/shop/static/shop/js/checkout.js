const IVYMAIL = { apiKey: "%KEY%", from: "orders@shop.example.com" };
export function receipt(order) {
  return fetch("https://api.ivymail.io/v1/send", { method: "POST", headers: { "x-api-key": IVYMAIL.apiKey } });
}
