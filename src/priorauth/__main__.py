from priorauth.cli.main import main

raise SystemExit(main())
