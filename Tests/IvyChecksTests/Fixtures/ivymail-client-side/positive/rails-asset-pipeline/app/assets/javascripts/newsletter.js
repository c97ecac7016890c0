$(function () {
  $("#newsletter").on("submit", function (e) {
    e.preventDefault();
    $.ajax({
      url: "https://api.ivymail.io/v1/contacts",
      method: "POST",
      headers: { "x-api-key": "%KEY%" },
      data: JSON.stringify({ email: $("#email").val() }),
    });
  });
});
