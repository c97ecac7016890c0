import { createApp } from "vue";
import App from "./App.vue";
createApp(App).provide("listId", process.env.VUE_APP_IVYMAIL_LIST_ID).mount("#app");
