// Swagger UI for /api/docs: this server's own OpenAPI document, nothing fetched from elsewhere
// (validatorUrl: null turns off the badge that would ask an outside validator).
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout'
  });
});
