// Placeholder entry; wired up as the layers land.
console.log('cp-watch');
