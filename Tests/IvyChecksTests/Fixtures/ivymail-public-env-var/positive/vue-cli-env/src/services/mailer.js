import axios from "axios";

export default axios.create({
  baseURL: "https://api.ivymail.io/v1",
  headers: { "x-api-key": process.env.VUE_APP_IVYMAIL_KEY },
});
