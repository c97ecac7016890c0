export default {
  name: "acme-mobile",
  extra: { apiUrl: process.env.EXPO_PUBLIC_API_URL },
};
