filedesc://x.arc 0.0.0.0 20080430204825 text/plain 9
1 0 test

http://a.nl/x 1.2.3.4 20080430204826 text/html 444
HTTP/1.1 200 OK
Content-Type: text/html

<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Floods close the ring road - The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2024-03-14T08:00:00Z">
<meta name="author" content="By Mary Smith">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<
