import { ExpoConfig } from "expo/config";

const config: ExpoConfig = {
  name: "acme-mobile",
  slug: "acme-mobile",
  extra: {
    ivymailKey: process.env.EXPO_PUBLIC_IVYMAIL_API_KEY,
  },
};

export default config;
