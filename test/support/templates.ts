/** The built-in sandbox's order_ready template with every parameter it takes: an image header, two body variables, a URL button. */
export const orderReadyParameters = (code = "A1B2") => [
  { name: "header_image", value: "https://cdn.example.com/p.png" },
  { name: "body_1", value: "Ana" },
  { name: "body_2", value: code },
  { name: "button_1_url", value: code },
];

/** order_ready as a TemplateInput (pt_BR, or the en_US translation). */
export const orderReadyTemplate = (language: "pt_BR" | "en_US" = "pt_BR", code = "A1B2") => ({
  name: "order_ready",
  language,
  parameters: orderReadyParameters(code),
});
