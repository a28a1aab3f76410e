// Pages that follow a running check load this script: they reload themselves every 3 seconds while one is
// running. Without JavaScript the pages work the same; the reader reloads them.
window.setTimeout(function () { window.location.reload(); }, 3000);
