from lintr.cli import main

raise SystemExit(main())
